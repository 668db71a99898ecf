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

// The label of a select's value, from the field's options ({label, value}, as form.py writes them).
function optionLabel(field, value) {
  const options = field && field.get('widget') === 'select' ? field.get('options') : null;
  const option = options && options.find(o => o && o.get && o.get('value') === value);
  return option ? option.get('label') : value;
}

// A list item with its choices as labels: only for the summary, never written.
export function withLabels(item, field) {
  const fields = field.get('fields');
  if (fields && item && typeof item.set === 'function') {
    return fields.reduce((labelled, sub) => (labelled.has(sub.get('name'))
      ? labelled.set(sub.get('name'), optionLabel(sub, labelled.get(sub.get('name')))) : labelled), item);
  }
  return field.get('field') ? optionLabel(field.get('field'), item) : item;
}

// Has a field inside the group (parentIds, as Decap's EditorControl.isAncestorOfFieldError reads them) an error?
function hasErrorWithin(fieldsErrors, id) {
  return Boolean(fieldsErrors && fieldsErrors.size > 0)
    && Object.values(fieldsErrors.toJS()).some(errors => errors.some(error => (error.parentIds || []).includes(id)));
}

export function registerWidgets(CMS, h, createClass) {
  const OnbekendGetal = createClass({
    // Decap's own "required" check reads this: an explicit onbekend counts as filled in.
    getValidateValue() { return this.props.value === null ? 'onbekend' : this.props.value; },
    isValid() {
      const { value, field } = this.props;
      if (value === null || value === undefined || (value === '' && optional(field))) return true; // onbekend, or left out
      const problem = numberProblem(value, field);
      // parentIds as Decap's own errors carry them: the groups around the field open to show it
      return problem ? { error: { type: 'CUSTOM', message: problem, parentIds: this.props.parentIds } } : true;
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

  // A group (an object field) under a real heading that opens and closes it, instead of Decap's bar
  // with a bare chevron and the name in a small label above it (hidden in invulhulp.css). Decap's
  // ObjectControl draws the fields; as for a list item (forList) it leaves the bar to us and takes
  // collapsed as a prop. The heading level follows the nesting (h2 for the guide's appendices).
  const Groep = createClass({
    getInitialState() { return { collapsed: this.props.field.get('collapsed', false) }; },
    // As Decap's ObjectControl: always drawn again, or Decap's Widget redraws a group only when its value
    // changes, and the error messages of its fields (fieldsErrors) never show.
    shouldComponentUpdate() { return true; },
    validate() { if (this.inner) this.inner.validate(); },
    focus(path) { this.setState({ collapsed: false }, () => this.inner && this.inner.focus(path)); },
    render() {
      const { field, forID, before } = this.props;
      const collapsed = this.state.collapsed && !hasErrorWithin(this.props.fieldsErrors, `${forID}-velden`);  // an error shows
      const level = Math.min(6, 2 + (this.props.parentIds || []).length);
      return h('div', { id: forID, className: collapsed ? 'invulhulp-groep invulhulp-groep-dicht' : 'invulhulp-groep' },
        h(`h${level}`, { className: 'invulhulp-groep-kop' },
          h('button', {
            type: 'button', 'aria-expanded': String(!collapsed), 'aria-controls': `${forID}-velden`, 'data-testid': 'expand-button',
            onClick: () => this.setState({ collapsed: !collapsed }),
          }, h('span', { className: 'invulhulp-pijl', 'aria-hidden': 'true' }), plainLabel(field))),
        before || null,
        h(ObjectControl, { ...this.props, forID: `${forID}-velden`, forList: true, collapsed, ref: r => { this.inner = r; } }));
    },
  });

  const OptioneelObject = createClass({
    shouldComponentUpdate() { return true; },  // as Groep: its fields' error messages must reach them
    validate() { if (this.inner && this.props.value) this.inner.validate(); },
    render() {
      const { value, field, onChange, forID } = this.props;
      const present = value !== null && value !== undefined;
      const box = h('label', { className: 'invulhulp-keuze invulhulp-aanwezig' },
        h('input', {
          type: 'checkbox', checked: present, 'data-testid': `${forID}-aanwezig`,
          // field is an Immutable Map: clear() gives an empty one without importing Immutable
          onChange: e => onChange(e.target.checked ? field.clear() : null),
        }), ` ${plainLabel(field)} invullen`);
      return present ? h(Groep, { ...this.props, before: box, ref: r => { this.inner = r; } }) : h('div', null, box);
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

  // Every list: its collapsed items' summaries show a choice by its Dutch label (Patiënten, Eerste
  // gespreksronde), taken from the select's own options, which form.py writes from the contract's
  // vocabulary; the file keeps the value. Decap's ListControl (3.16.3) makes a summary in objectLabel(item):
  // it is given a copy of the item with labels for values. tests/browser/test_invulhulp_orient.py pins it.
  const List = CMS.getWidget('list');
  // A list that is a group of its own (escalaties, at the top of the file) gets its heading like the other groups.
  class ListWithLabels extends List.control {
    objectLabel(item) { return super.objectLabel(withLabels(item, this.props.field)); }
    render() {
      if ((this.props.parentIds || []).length) return super.render();
      return h('div', { className: 'invulhulp-groep invulhulp-lijst' },
        h('h2', { className: 'invulhulp-groep-kop' }, plainLabel(this.props.field)), super.render());
    }
  }
  CMS.registerWidget('list', ListWithLabels, List.preview, List.schema);
  CMS.registerWidget('object', Groep, CMS.getWidget('object').preview, CMS.getWidget('object').schema);
  CMS.registerWidget('onbekend_getal', OnbekendGetal);
  CMS.registerWidget('tekst_of_null', TekstOfNull);
  CMS.registerWidget('ja_nee_onbekend', JaNeeOnbekend);
  CMS.registerWidget('optioneel_object', OptioneelObject);
}
