extension APISpec {
    init(from field: Field) throws(ScenarioError) {
        self.init()
        let o = try field.object(keys: ["latencyMs", "connectMs", "endpoints", "rateLimit", "secondary", "errors",
                                        "outages", "batch"])
        if let f = o["latencyMs"].present { latencyMs = try Distribution(from: f, samplesAtMost: Cap.milliseconds) }
        if let f = o["connectMs"].present { connectMs = try Distribution(from: f, samplesAtMost: Cap.milliseconds) }
        if let f = o["endpoints"].present {
            endpoints = try f.array("a non-empty array of endpoint names", nonEmpty: true).decodedDistinct {
                f throws(ScenarioError) in try f.string("a non-empty endpoint name") { !$0.isEmpty }
            }
        }
        if let f = o["rateLimit"].present { rateLimit = try RateLimitSpec(from: f) }
        if let f = o["secondary"].present { secondary = try SecondaryLimitSpec(from: f) }
        if let f = o["errors"].present { errors = try ErrorSpec(from: f) }
        if let f = o["outages"].present {
            let endpoints = endpoints
            outages = try f.array("an array of outages").map {
                f throws(ScenarioError) in try OutageSpec(from: f, endpoints: endpoints)
            }
        }
        if let f = o["batch"].present { batch = try BatchSpec(from: f) }
    }
}

extension RateLimitSpec {
    init(from field: Field) throws(ScenarioError) {
        let o = try field.object(keys: ["limit", "windowSeconds", "remaining", "resetSeconds", "status"])
        self.init(limit: try o["limit"].integer(in: 1...Int.max, atMost: Cap.count),
                  windowSeconds: try o["windowSeconds"].number(.above(0), atMost: Cap.seconds))
        if let f = o["remaining"].present { remaining = try f.integer(in: 0...limit) }
        if let f = o["resetSeconds"].present { resetSeconds = try f.number(.above(0), atMost: Cap.seconds) }
        if let f = o["status"].present { status = try f.integer(oneOf: [403, 429]) }
    }
}

extension SecondaryLimitSpec {
    init(from field: Field) throws(ScenarioError) {
        self.init()
        let o = try field.object(keys: ["maxConcurrent", "pointsPerMinute", "readPoints", "writePoints",
                                        "retryAfterSeconds"])
        if let f = o["maxConcurrent"].present { maxConcurrent = try f.integer(in: 1...Int.max, atMost: Cap.count) }
        if let f = o["pointsPerMinute"].present { pointsPerMinute = try f.integer(in: 1...Int.max, atMost: Cap.count) }
        if let f = o["readPoints"].present { readPoints = try f.integer(in: 0...Int.max, atMost: Cap.points) }
        if let f = o["writePoints"].present { writePoints = try f.integer(in: 0...Int.max, atMost: Cap.points) }
        if let f = o["retryAfterSeconds"].present { retryAfterSeconds = try f.number(.atLeast(0), atMost: Cap.seconds) }
    }
}

extension ErrorSpec {
    init(from field: Field) throws(ScenarioError) {
        let o = try field.object(keys: ["rate", "status"])
        self.init(rate: try o["rate"].number(.within(0...1)))
        if let f = o["status"].present { status = try f.integer(in: 500...599) }
    }
}

extension OutageSpec {
    /// `endpoints` are the API's, which the outage must name.
    init(from field: Field, endpoints: [String]) throws(ScenarioError) {
        let o = try field.object(keys: ["endpoint", "atSeconds", "forSeconds"])
        self.init(endpoint: try o["endpoint"].string(oneOf: endpoints),
                  atSeconds: try o["atSeconds"].number(.atLeast(0), atMost: Cap.seconds),
                  forSeconds: try o["forSeconds"].number(.above(0), atMost: Cap.seconds))
    }
}

extension BatchSpec {
    init(from field: Field) throws(ScenarioError) {
        let o = try field.object(keys: ["maxItems", "latencyPerItemMs"])
        self.init(maxItems: try o["maxItems"].integer(in: 1...1000),
                  latencyPerItemMs: try o["latencyPerItemMs"].number(.atLeast(0), atMost: Cap.milliseconds))
    }
}
