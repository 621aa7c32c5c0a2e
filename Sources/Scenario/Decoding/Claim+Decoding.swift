extension Claim {
    init(from field: Field) throws(ScenarioError) {
        let o = try field.object(keys: ["engine", "issues", "metric", "value", "source"])
        self.init(engine: try o["engine"].string("an engine name") { !$0.isEmpty },
                  issues: nil,
                  metric: try o["metric"].choice(Metric.self),
                  value: try o["value"].number(),
                  source: try o["source"].string())
        if let f = o["issues"].present { issues = try f.integer(in: 1...10_000_000) }
    }
}
