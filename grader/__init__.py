"""The interviewer's side of the harness: the `takehome` CLI, and later grading and reports."""
