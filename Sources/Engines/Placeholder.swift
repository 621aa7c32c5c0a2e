// Engines module: under construction
