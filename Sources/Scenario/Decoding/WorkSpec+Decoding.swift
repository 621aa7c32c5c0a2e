extension WorkSpec {
    init(from field: Field) throws(ScenarioError) {
        self.init()
        let o = try field.object(keys: ["reads", "writes", "analysisMicros"])
        if let f = o["reads"].present {
            reads = try f.array("an array of reads").decodedDistinct { f throws(ScenarioError) in try f.choice(Read.self) }
        }
        if let f = o["writes"].present {
            writes = try f.array("an array of writes").decodedDistinct { f throws(ScenarioError) in try f.choice(Write.self) }
        }
        if let f = o["analysisMicros"].present { analysisMicros = try f.number(.atLeast(0), atMost: Cap.microseconds) }
    }
}
