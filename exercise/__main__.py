"""`python -m exercise eval ...`: the local evaluation loop in a candidate's repo (no grader)."""

from exercise.cli import app

if __name__ == "__main__":
    app(prog_name="python -m exercise")
