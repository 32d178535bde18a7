"""Gradescope as the engine of a round: `takehome autograder` writes the autograder zip
(`grader.gradescope.package`); in Gradescope's container, `run_autograder` grades each submission
(`grader.gradescope.run`). docs/gradescope.md is the guide."""
