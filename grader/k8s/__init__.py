"""Grading a round on Kubernetes: `grade-many --emit k8s` writes an Indexed Job, `collect` reads
what its pods wrote back into the batch's leaderboard."""
