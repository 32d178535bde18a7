"""`takehome calibrate`: is every planted weakness of a profile detectable, and are its seeds
equally hard? The computation (`calibration`) and what it writes (`report`)."""
