"""The shared measuring instrument: contract types, corpus loading, judging, metrics, local eval.

Candidates read this package and import `exercise.types`; the grader imports the rest. Modules:

- `types`      the submission contract: `Span`, `Passage`, `Answer`, the `Pipeline` protocol
- `loading`    corpus variants and question files (`Corpus`, `Question`, `JudgingConfig`)
- `judging`    validation of returned values → verdicts with a `Status` and a reason
- `retrieval`, `citations`, `answers`   one metric family each; `scoring` combines them per question
- `metrics`    means, groups and bootstrap intervals; `latency` timings and memory
- `protocol`, `child`, `runner`   the child process that runs a submission, and its parent side
- `evaluate`   the evaluation loop; `export` TREC files; `summary` and `cli` the `eval` command
- `history`    the evaluation history: one JSON line per local run (`eval --history FILE`)
- `errors`     the domain errors the library raises (the CLI turns them into exit codes)

See README.md next to this file for the exact definitions of every number reported.
"""
