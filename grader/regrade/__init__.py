"""`takehome regrade`: a round graded again with the current grader, and what moved."""
