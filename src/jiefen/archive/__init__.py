"""Archive: the documents printed for parties (Word, GB/T 9704-2012 layout) and the case ledger
(Excel). Later: case files (卷宗), annual volumes and retention. No models yet, no screens: the
workbench calls these with objects it has already fetched."""
