// Report module: under construction
