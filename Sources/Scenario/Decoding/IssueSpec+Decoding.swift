extension IssueSpec {
    init(from field: Field) throws(ScenarioError) {
        let o = try field.object(keys: ["counts", "bodyBytes", "commentsPerIssue", "commentBytes", "pageSize"])
        let counts = try o["counts"].array("a non-empty array of issue counts", nonEmpty: true)
        guard counts.count <= Cap.sizePoints else {
            throw o["counts"].fail(expected: "at most \(Cap.sizePoints) issue counts", found: "\(counts.count)")
        }
        self.init(counts: try counts.map { f throws(ScenarioError) in try f.integer(in: 1...10_000_000) })
        if let f = o["bodyBytes"].present { bodyBytes = try Distribution(from: f, samplesAtMost: Cap.bytes) }
        if let f = o["commentsPerIssue"].present { commentsPerIssue = try Distribution(from: f, samplesAtMost: Cap.commentsPerIssue) }
        if let f = o["commentBytes"].present { commentBytes = try Distribution(from: f, samplesAtMost: Cap.bytes) }
        if let f = o["pageSize"].present { pageSize = try f.integer(in: 1...100) }
    }
}
