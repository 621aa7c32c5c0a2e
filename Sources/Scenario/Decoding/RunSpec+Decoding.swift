extension RunSpec {
    init(from field: Field) throws(ScenarioError) {
        self.init()
        let o = try field.object(keys: ["warmup", "repetitions", "clock", "timeoutSeconds", "maxRSSMiB"])
        if let f = o["warmup"].present { warmup = try f.integer(in: 0...100) }
        if let f = o["repetitions"].present { repetitions = try f.integer(in: 1...1000) }
        if let f = o["clock"].present { clock = try f.choice(ClockMode.self) }
        if let f = o["timeoutSeconds"].present { timeoutSeconds = try f.number(.above(0), atMost: Cap.seconds) }
        if let f = o["maxRSSMiB"].present { maxRSSMiB = try f.integer(in: 16...1_048_576) }
    }
}
