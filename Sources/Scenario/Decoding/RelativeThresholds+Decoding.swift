extension RelativeThresholds {
    /// `{"default": 10, "p99LatencyMs": 25}`: percentages > 0, keyed by `"default"` or a metric
    /// name (a misspelt one gets the usual "did you mean").
    init(from field: Field) throws(ScenarioError) {
        self.init()
        let o = try field.object(keys: Self.keys, expected: Self.form)
        if let f = o[Self.defaultKey].present { defaultPercent = try f.number(.above(0)) }
        for metric in Metric.allCases {
            if let f = o[metric.rawValue].present { percents[metric] = try f.number(.above(0)) }
        }
    }

    /// How the expected form reads in an error message.
    static let form = #"an object of percentages by metric, such as {"default": 10, "p99LatencyMs": 25}"#
}
