extension Scenario {
    /// Identifies the workload: 16 hex digits of FNV-1a 64 over a canonical rendering of the
    /// decoded seed, issues (all but `counts`, which are the sizes measured, not the workload),
    /// api and work. Baselines use it to refuse comparing runs of different workloads; because it
    /// hashes the decoded model, spelling (`1e3` vs `1000`, key order, defaults written out or not)
    /// does not change it. Any new workload field must be added to `workloadDefinition`.
    public var workloadHash: String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in workloadDefinition.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// One `key value` line per workload field, in a fixed order, numbers in Swift's shortest
    /// round-trip form.
    var workloadDefinition: String {
        func number(_ x: Double) -> String { x == 0 ? "0" : "\(x)" }
        func optional(_ x: (some Any)?) -> String { x.map { "\($0)" } ?? "none" }
        // Length-prefixed, so no name can run into the next.
        func name(_ s: String) -> String { "\(s.utf8.count):\(s)" }
        func distribution(_ d: Distribution) -> String {
            switch d {
            case .fixed(let x): "fixed(\(number(x)))"
            case let .uniform(min, max): "uniform(\(number(min)),\(number(max)))"
            case let .normal(mean, stddev): "normal(\(number(mean)),\(number(stddev)))"
            case let .lognormal(median, p99): "lognormal(\(number(median)),\(number(p99)))"
            case .exponential(let mean): "exponential(\(number(mean)))"
            }
        }
        var lines = ["issuebench workload v1", "seed \(seed)",
                     "issues.bodyBytes \(distribution(issues.bodyBytes))",
                     "issues.commentsPerIssue \(distribution(issues.commentsPerIssue))",
                     "issues.commentBytes \(distribution(issues.commentBytes))",
                     "issues.pageSize \(issues.pageSize)",
                     "api.latencyMs \(distribution(api.latencyMs))",
                     "api.connectMs \(distribution(api.connectMs))",
                     "api.endpoints \(api.endpoints.map(name).joined(separator: ","))"]
        if let r = api.rateLimit {
            lines.append("api.rateLimit \(r.limit) \(number(r.windowSeconds)) \(optional(r.remaining)) "
                         + "\(optional(r.resetSeconds.map(number))) \(r.status)")
        }
        if let s = api.secondary {
            lines.append("api.secondary \(optional(s.maxConcurrent)) \(optional(s.pointsPerMinute)) "
                         + "\(s.readPoints) \(s.writePoints) \(number(s.retryAfterSeconds))")
        }
        if let e = api.errors { lines.append("api.errors \(number(e.rate)) \(e.status)") }
        for o in api.outages {
            lines.append("api.outage \(name(o.endpoint)) \(number(o.atSeconds)) \(number(o.forSeconds))")
        }
        if let b = api.batch { lines.append("api.batch \(b.maxItems) \(number(b.latencyPerItemMs))") }
        lines.append("work.reads \(work.reads.map(\.rawValue).joined(separator: ","))")
        lines.append("work.writes \(work.writes.map(\.rawValue).joined(separator: ","))")
        lines.append("work.analysisMicros \(number(work.analysisMicros))")
        return lines.joined(separator: "\n")
    }
}
