// Harness module: under construction
