"""Cruciale ggz dossier: turns the regions' YAML under ``data/`` into a validated dataset and site pages."""
