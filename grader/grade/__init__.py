"""`takehome grade`: one submission graded against its key — intake, the sandboxed session,
integrity findings, attribution, and `report.json` (`report_file`)."""
