"""`takehome cohort`: statistics over a round's grade reports — which questions or items separated
strong submissions from weak ones (`stats`), read by `loading`, written by `report`."""
