// Measurement module: under construction
