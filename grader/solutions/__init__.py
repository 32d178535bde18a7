"""`takehome solution`: known solutions for a bundle (the starter, archetypes, the sound solution,
the reference), shaped like a candidate's submission."""
