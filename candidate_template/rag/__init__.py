"""A retrieval-augmented question-answering pipeline over the corpus in `corpus/`.

`pipeline.Pipeline` is the entry point the evaluation imports. It wires five parts, one module
each: `chunking` (documents → chunks), `embedding` (text → vectors, cached in the work dir),
`retrieval` (first-stage search over the chunks), `reranking` (second stage over the retrieved
candidates) and `answering` (an extractive answer with citations).
"""
