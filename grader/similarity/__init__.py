"""`takehome similarity`: code shared between the submissions of a round, the starter's removed."""
