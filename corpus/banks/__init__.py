"""Hand-written content the generator draws from: vocabulary, prose templates, fact templates.

Templates are `str.format` strings. A `{slot}` is filled either by the generator (the dynamic
slots in `corpus.slots.DYNAMIC_SLOTS`: people, teams, services, dates, numbers...) or from a word
list in `words.WORDS`. Tests check that every slot a template uses is one of those.
"""
