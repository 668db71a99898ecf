// The four inputs the contract needs and Decap CMS does not have (build_scripts/contract/form.py
// chooses them): onbekend is always an explicit choice, written as null, never '' or 0.
//   onbekend_getal    a whole number or decimal with an "onbekend" box
//   ja_nee_onbekend   ja / nee / onbekend (true / false / null)
//   optioneel_object  an optional group (contact, bespreekpunt): filled in, or absent
//   tekst_of_null     a text whose null has a meaning of its own (alternatief: "geen alternatief
//                     bekend"), with a box for it; left empty, the key is left out (undefined,
//                     which yaml-rt.js's normalize() drops), so "not answered" stays apart from null
// Decap validates the required fields of an object even when the object is absent; the third
// widget renders (and so validates) the object only when its box is ticked.

const row = { display: 'flex', gap: '1em', alignItems: 'center', flexWrap: 'wrap' };
const plainLabel = field => field.get('label');
const optional = field => field.get('required') === false;

function numberProblem(value, field) {
  const name = plainLabel(field);
  if (value === '' || typeof value !== 'number' || Number.isNaN(value)) return `${name}: vul een getal in of kies "onbekend".`;
  if (field.get('value_type') === 'int' && !Number.isInteger(value)) {
    return `${name}: alleen een heel getal, zonder punt of komma (schrijf 1200, niet 1.200).`;
  }
  const min = field.get('min'), max = field.get('max');
  if (min !== undefined && value < min) return `${name}: minimaal ${min}.`;
  if (max !== undefined && value > max) return `${name}: hoogstens ${max}.`;
  return null;
}

export function registerWidgets(CMS, h, createClass) {
  const OnbekendGetal = createClass({
    // Decap's own "required" check reads this: an explicit onbekend counts as filled in.
    getValidateValue() { return this.props.value === null ? 'onbekend' : this.props.value; },
    isValid() {
      const { value, field } = this.props;
      if (value === null || value === undefined || (value === '' && optional(field))) return true; // onbekend, or left out
      const problem = numberProblem(value, field);
      return problem ? { error: { message: problem } } : true;
    },
    render() {
      const { value, field, forID, onChange, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
      const unknown = value === null || value === undefined;
      const whole = field.get('value_type') === 'int';
      return h('div', { className: classNameWrapper, style: row },
        h('input', {
          id: forID, type: 'number', inputMode: whole ? 'numeric' : 'decimal', step: field.get('step', whole ? 1 : 'any'),
          min: field.get('min'), max: field.get('max'), disabled: unknown, value: unknown ? '' : value,
          className: 'invulhulp-getal', onFocus: setActiveStyle, onBlur: setInactiveStyle,
          onChange: e => onChange(e.target.value === '' ? '' : Number(e.target.value)),
        }),
        h('label', { className: 'invulhulp-keuze' },
          h('input', {
            type: 'checkbox', checked: unknown, 'data-testid': `${forID}-onbekend`, 'aria-label': `${plainLabel(field)}: onbekend`,
            onChange: e => onChange(e.target.checked ? null : ''),
          }), ' onbekend'));
    },
  });

  const JaNeeOnbekend = createClass({
    getValidateValue() { return this.props.value === null ? 'onbekend' : this.props.value; },
    render() {
      const { value, field, forID, onChange, classNameWrapper } = this.props;
      const current = value === undefined ? null : value;
      return h('div', { className: classNameWrapper, style: row, role: 'radiogroup', id: forID, 'aria-label': plainLabel(field) },
        ...[['ja', true], ['nee', false], ['onbekend', null]].map(([text, v]) => h('label', { key: text, className: 'invulhulp-keuze' },
          h('input', { type: 'radio', name: forID, checked: current === v, onChange: () => onChange(v) }), ` ${text}`)));
    },
  });

  const ObjectControl = CMS.getWidget('object').control;
  const OptioneelObject = createClass({
    validate() { if (this.inner && this.props.value) this.inner.validate(); },
    render() {
      const { value, field, onChange, forID } = this.props;
      const present = value !== null && value !== undefined;
      return h('div', null,
        h('label', { className: 'invulhulp-keuze invulhulp-aanwezig' },
          h('input', {
            type: 'checkbox', checked: present, 'data-testid': `${forID}-aanwezig`,
            // field is an Immutable Map: clear() gives an empty one without importing Immutable
            onChange: e => onChange(e.target.checked ? field.clear() : null),
          }), ` ${plainLabel(field)} invullen`),
        present ? h(ObjectControl, { ...this.props, ref: r => { this.inner = r; } }) : null);
    },
  });

  const TekstOfNull = createClass({
    render() {
      const { value, field, forID, onChange, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
      const none = value === null;
      return h('div', { className: classNameWrapper },
        h('textarea', {
          id: forID, rows: 2, disabled: none, value: none || value === undefined ? '' : value, className: 'invulhulp-tekst',
          onFocus: setActiveStyle, onBlur: setInactiveStyle, onChange: e => onChange(e.target.value === '' ? undefined : e.target.value),
        }),
        h('label', { className: 'invulhulp-keuze' },
          h('input', {
            type: 'checkbox', checked: none, 'data-testid': `${forID}-null`,
            onChange: e => onChange(e.target.checked ? null : undefined),
          }), ` ${field.get('null_label')}`));
    },
  });

  CMS.registerWidget('onbekend_getal', OnbekendGetal);
  CMS.registerWidget('tekst_of_null', TekstOfNull);
  CMS.registerWidget('ja_nee_onbekend', JaNeeOnbekend);
  CMS.registerWidget('optioneel_object', OptioneelObject);
}
