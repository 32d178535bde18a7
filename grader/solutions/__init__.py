"""`takehome solution`: known solutions for a bundle (the starter, archetypes, the reference),
shaped like a candidate's submission."""
