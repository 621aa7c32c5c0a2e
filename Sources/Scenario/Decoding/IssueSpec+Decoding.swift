extension IssueSpec {
    init(from field: Field) throws(ScenarioError) {
        let o = try field.object(keys: ["counts", "bodyBytes", "commentsPerIssue", "commentBytes", "pageSize"])
        self.init(counts: try o["counts"].array("a non-empty array of issue counts", nonEmpty: true).map {
            f throws(ScenarioError) in try f.integer(in: 1...10_000_000)
        })
        if let f = o["bodyBytes"].present { bodyBytes = try Distribution(from: f) }
        if let f = o["commentsPerIssue"].present { commentsPerIssue = try Distribution(from: f) }
        if let f = o["commentBytes"].present { commentBytes = try Distribution(from: f) }
        if let f = o["pageSize"].present { pageSize = try f.integer(in: 1...100) }
    }
}
