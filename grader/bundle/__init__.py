"""`takehome bundle`: one candidate's repository to send and key to keep — per-candidate seeds,
deterministic archives and the pairing guide."""
