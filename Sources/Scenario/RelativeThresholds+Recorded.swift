/// The thresholds as a results file carries them, keyed as in the scenario file, so that
/// `check --current RESULTS` judges rows by the thresholds of the scenario that produced them
/// without the scenario file at hand.
extension RelativeThresholds {
    /// `["default": 10, "cpuSeconds": 50]`; `nil` when the scenario sets none, so results of such
    /// a scenario read as they did before the field existed.
    public var recorded: [String: Double]? {
        guard !isEmpty else { return nil }
        var keyed = Dictionary(uniqueKeysWithValues: percents.map { ($0.key.rawValue, $0.value) })
        keyed[Self.defaultKey] = defaultPercent
        return keyed
    }

    /// Reads `recorded` back; `nil` when a key is not one of `keys` or a value is not a finite
    /// percentage > 0, which a scenario file could not have held.
    public init?(recorded: [String: Double]) {
        self.init()
        for (key, percent) in recorded {
            guard percent.isFinite, percent > 0 else { return nil }
            if key == Self.defaultKey {
                defaultPercent = percent
            } else if let metric = Metric(rawValue: key) {
                percents[metric] = percent
            } else {
                return nil
            }
        }
    }
}
