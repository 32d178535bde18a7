"""The shared measuring instrument: contract types, corpus loading, judging, metrics, local eval."""
