extension Scenario {
    private static let keys = ["schemaVersion", "name", "description", "seed", "issues", "api", "work", "engines",
                       "runs", "thresholds", "maxRegression", "claims"]

    /// Decodes a scenario (schema v1) strictly: unknown keys, wrong types and out-of-range values
    /// are errors naming `file` and the JSON path. `patches` are applied to the document first, in
    /// order, so a sweep's variant is checked exactly like a file.
    public static func decode(_ bytes: [UInt8], file: String, patches: [JSONPatch] = []) throws(ScenarioError) -> Scenario {
        var root = try JSONValue.parse(bytes, file: file)
        for patch in patches { try patch.apply(to: &root, file: file) }
        return try Scenario(from: Field(root: root, file: file))
    }

    init(from field: Field) throws(ScenarioError) {
        let o = try field.object(keys: Self.keys, expected: "a scenario object")
        if let f = o["schemaVersion"].present { _ = try f.integer(in: Self.schemaVersion...Self.schemaVersion) }
        self.init(name: try o["name"].string("a name of 1 to 64 characters a-z, 0-9 or '-'", where: Self.isValidName),
                  issues: try IssueSpec(from: o["issues"]))
        if let f = o["description"].present { description = try f.string() }
        if let f = o["seed"].present { seed = try f.integer(in: 0...UInt64.max) }
        if let f = o["api"].present { api = try APISpec(from: f) }
        if let f = o["work"].present { work = try WorkSpec(from: f) }
        if let f = o["engines"].present { engines = try Self.engines(from: f) }
        if let f = o["runs"].present { runs = try RunSpec(from: f) }
        if let f = o["thresholds"].present {
            thresholds = try f.array("an array of thresholds").map { f throws(ScenarioError) in
                guard let threshold = Threshold(parsing: try f.string(Threshold.form)) else {
                    throw f.fail(expected: Threshold.form)
                }
                return threshold
            }
        }
        if let f = o["maxRegression"].present { maxRegression = try RelativeThresholds(from: f) }
        if let f = o["claims"].present { claims = try f.array("an array of claims").map(Claim.init(from:)) }
    }

    /// `{"phase1": {}, "phase2": {"maxConcurrency": 16}}`, in order. The names and tunables are
    /// not checked here: this module does not know the engines (the harness does).
    private static func engines(from field: Field) throws(ScenarioError) -> [EngineSelection] {
        let engines = try field.entries("a non-empty object of engine names to tunables", nonEmpty: true)
        try checkNameLengths(engines, in: field, what: "engine")
        return try engines.map { engine throws(ScenarioError) in
            let overrides = try engine.field.entries("an object of tunable names to numbers")
            try checkNameLengths(overrides, in: engine.field, what: "tunable")
            var values: [String: Double] = [:]
            for tunable in overrides { values[tunable.key] = try tunable.field.number() }
            return EngineSelection(engine: engine.key, overrides: values)
        }
    }

    /// Engine and tunable names are short words; a longer key is refused here, where it is cheap
    /// to say so, rather than carried into "unknown engine" messages megabytes long.
    private static func checkNameLengths(_ entries: [(key: String, field: Field)], in field: Field,
                                         what: String) throws(ScenarioError) {
        for entry in entries where entry.key.count > maxNameLength {
            throw field.fail(expected: "\(what) names of at most \(maxNameLength) characters",
                             found: "a name of \(entry.key.count) characters")
        }
    }

    private static let maxNameLength = 64

    private static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count) && name.utf8.allSatisfy {
            $0.isDigit || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || $0 == UInt8(ascii: "-")
        }
    }
}
