"""`takehome grade-many`: many submissions graded with bounded parallelism, and the leaderboard."""
