import Contract
import Scenario
import Simulation

/// The best throughput any engine could reach on a workload: `issues / T`, where `T` is the
/// longest of the lower bounds on the run's length below. The README's "The bound" explains the
/// formula; tests check it on workloads whose answer is known by hand.
///
/// Latencies enter as their means, so the bound is exact for fixed latencies and an estimate for
/// random ones. Transient errors and outages only make things slower, so they are left out:
/// the bound is what a perfect engine reaches on a day without failures.
public struct Bound: Sendable, Equatable {
    /// One lower bound on the run's length, in seconds, and what it comes from.
    public struct Term: Sendable, Equatable {
        public var name: String
        public var seconds: Double
    }

    public var issues: Int
    /// Every lower bound that applies, for the strategy (batched or not) that does best.
    public var terms: [Term]

    /// Issues per second at best; `nil` when nothing in the workload takes time.
    public var issuesPerSecond: Double? {
        guard let longest = limitingTerm, longest.seconds > 0 else { return nil }
        return Double(issues) / longest.seconds
    }

    /// The term that binds.
    public var limitingTerm: Term? { terms.max { $0.seconds < $1.seconds } }

    /// Computes the bound of `scenario` at `issues` issues, with `cores` CPUs for the synthetic
    /// analysis cost (`work.analysisMicros`).
    public init(scenario: Scenario, issues: Int, cores: Int) {
        self.issues = issues
        let plain = Self.terms(scenario, issues: issues, cores: cores, batched: false)
        // An engine may use the batch endpoint or not: the bound is the better of the two.
        if scenario.api.batch != nil, !scenario.work.reads.isEmpty {
            let batched = Self.terms(scenario, issues: issues, cores: cores, batched: true)
            terms = Self.longest(batched) < Self.longest(plain) ? batched : plain
        } else {
            terms = plain
        }
    }

    private static func longest(_ terms: [Term]) -> Double { terms.map(\.seconds).max() ?? 0 }

    private static func terms(_ s: Scenario, issues n: Int, cores: Int, batched: Bool) -> [Term] {
        let api = s.api
        let latency = api.latencyMs.mean / 1000
        let connect = api.connectMs.mean / 1000
        let pages = (n + s.issues.pageSize - 1) / s.issues.pageSize
        let readKinds = s.work.reads.count
        let writes = n * s.work.writes.count

        // Requests, and the seconds they spend in flight, by strategy.
        let readRequests: Int
        let readBusy: Double
        let chainRead: Double
        if batched, let batch = api.batch {
            readRequests = (n + batch.maxItems - 1) / batch.maxItems
            readBusy = Double(readRequests) * latency + Double(n) * batch.latencyPerItemMs / 1000
            chainRead = latency + batch.latencyPerItemMs / 1000
        } else {
            readRequests = n * readKinds
            readBusy = Double(readRequests) * latency
            chainRead = readKinds > 0 ? latency : 0  // an issue's reads are independent of each other
        }
        let requests = pages + readRequests + writes
        var terms: [Term] = []

        // One issue's dependent calls: a connection, its listing page, its reads, its writes
        // (which need the analysis, so come after the reads; several writes can go in parallel).
        let chain = connect + latency + chainRead + (writes > 0 ? latency : 0)
        terms.append(Term(name: "latency (critical path)", seconds: chain))

        if let maxConcurrent = api.secondary?.maxConcurrent {
            let busy = Double(pages) * latency + readBusy + Double(writes) * latency
            var seconds = busy / Double(maxConcurrent)
            // With one fixed latency every slot finishes at most one request per latency, so the
            // requests go in whole rounds.
            if api.latencyMs.isFixed, !batched {
                seconds = Double((requests + maxConcurrent - 1) / maxConcurrent) * latency
            }
            terms.append(Term(name: "\(maxConcurrent) requests in flight", seconds: seconds))
        }

        if let primary = api.rateLimit {
            let first = primary.remaining ?? primary.limit
            if requests > first {
                let windows = (requests - first + primary.limit - 1) / primary.limit
                let lastWindowStarts = (primary.resetSeconds ?? primary.windowSeconds)
                    + Double(windows - 1) * primary.windowSeconds
                terms.append(Term(name: "primary rate limit (\(primary.limit)/\(format(primary.windowSeconds))s)",
                                  seconds: connect + lastWindowStarts + latency))
            }
        }

        if let secondary = api.secondary, let perMinute = secondary.pointsPerMinute {
            let points = (pages + readRequests) * secondary.readPoints + writes * secondary.writePoints
            if points > perMinute {
                let minutes = (points + perMinute - 1) / perMinute
                terms.append(Term(name: "\(perMinute) points/min", seconds: connect + Double(minutes - 1) * 60 + latency))
            }
        }

        if s.work.analysisMicros > 0 {
            let cpu = Double(n) * s.work.analysisMicros / 1e6 / Double(max(1, cores))
            terms.append(Term(name: "analysis CPU on \(cores) core(s)", seconds: cpu))
        }
        return terms
    }
}
