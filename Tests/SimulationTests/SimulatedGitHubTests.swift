import Contract
import Scenario
import Testing
@testable import Simulation

@Suite struct SimulatedGitHubTests {
    @Test func capabilitiesComeFromTheScenario() {
        let api = SimulatedGitHub {
            $0.api.endpoints = ["primary", "replica"]
            $0.api.batch = BatchSpec(maxItems: 50, latencyPerItemMs: 0.5)
            $0.issues.pageSize = 30
        }
        #expect(api.capabilities == APICapabilities(endpoints: ["primary", "replica"], batchMaxItems: 50, pageSize: 30))
        #expect(SimulatedGitHub().capabilities.batchMaxItems == 0)
    }

    @Test func listingPagesHoldTheirIssuesAndNameTheLastPage() async throws {
        let api = SimulatedGitHub(count: 250)
        var sizes: [Int] = []
        for page in 0...4 {
            let response = try await api.send(.listIssues(page: page))
            #expect(response.status == 200)
            guard case .issuePage(let listing) = response.payload else { Issue.record("not a page"); return }
            #expect(listing.page == page && listing.lastPage == 3)
            sizes.append(listing.issues.count)
            if let first = listing.issues.first { #expect(first == api.corpus.issue((page - 1) * 100 + 1)) }
        }
        #expect(sizes == [0, 100, 100, 50, 0])
        guard case .issuePage(let last) = try await api.send(.listIssues(page: 3)).payload else { return }
        #expect(last.issues.map(\.id) == Array(201...250))
        #expect(last.issues.allSatisfy { $0.body.count == 120 })
    }

    /// Past some 15 pages of these issues the API drops the pages it keeps for reads and writes
    /// later ones over them: what it lists and reads must still be the corpus, and pages a client
    /// still holds must not change.
    @Test func pagesListedOverDroppedOnesHoldTheCorpusAndHeldPagesStayAsListed() async throws {
        let api = SimulatedGitHub(count: 4000)
        var held: [IssuePage] = []
        for page in 1...40 {
            let ids = (page - 1) * 100 + 1 ... page * 100
            guard case .issuePage(let listing) = try await api.send(.listIssues(page: page)).payload,
                  case .issue(let read) = try await api.send(.getIssue(ids.upperBound - 7)).payload else {
                Issue.record("not a page and an issue")
                return
            }
            #expect(listing.issues == ids.map(api.corpus.issue))
            #expect(read == api.corpus.issue(ids.upperBound - 7))
            if page % 8 == 0 { held.append(listing) }
        }
        for listing in held {
            #expect(listing.issues == ((listing.page - 1) * 100 + 1 ... listing.page * 100).map(api.corpus.issue))
        }
    }

    @Test func readsReturnTheCorpusAndUnknownIssuesAre404() async throws {
        let api = SimulatedGitHub(count: 10)
        #expect(try await api.send(.getIssue(7)) == APIResponse(status: 200, rate: nil, retryAfter: nil,
                                                                  payload: .issue(api.corpus.issue(7))))
        #expect(try await api.send(.listComments(7)).payload == .comments(api.corpus.comments(7)))
        let missing = try await api.send(.getIssue(11))
        #expect(missing.status == 404)
        #expect(missing.payload == .failure("Not Found: issue 11 is not in 1...10"))
        #expect(try await api.send(.listComments(0)).payload == .failure("Not Found: issue 0 is not in 1...10"))
        #expect(try await api.send(.addLabel(0, label: "bug")).status == 404)
    }

    @Test func aSecondCommentOrAnotherLabelIsADuplicateTheSameLabelIsRedundant() async throws {
        let api = SimulatedGitHub(count: 10)
        #expect(try await api.send(.addLabel(4, label: "performance")) == APIResponse(
            status: 201, rate: nil, retryAfter: nil, payload: .accepted))
        #expect(try await api.send(.addLabel(4, label: "performance")).status == 201)
        #expect(try await api.send(.addLabel(4, label: "bug")).status == 201)
        #expect(try await api.send(.addComment(4, body: Array("hello".utf8))).status == 201)
        #expect(try await api.send(.addComment(4, body: Array("hello".utf8))).status == 201)
        #expect(try await api.send(.addComment(5, body: [])).status == 201)

        let counters = api.counters()
        #expect(counters.requests == 6 && counters.successes == 6 && counters.writes == 6)
        #expect(counters.redundantWrites == 1 && counters.duplicateWrites == 2 && counters.retries == 3)
        #expect(api.ledger()[4] == APILedger.Entry(labelsApplied: 2, label: .performance, commentsPosted: 2))
        #expect(api.ledger()[5] == APILedger.Entry(commentsPosted: 1))
    }

    @Test func unknownLabelIsRejectedWithTheLabelsThatExist() async throws {
        let response = try await SimulatedGitHub(count: 10).send(.addLabel(1, label: "wontfix"))
        #expect(response.status == 422)
        #expect(response.payload == .failure(
            "Validation Failed: no label 'wontfix' in this repository (it has bug, feature, documentation, question, performance, security, triage)"))
    }

    @Test func batchReturnsBundlesAndPaysLatencyPerItem() async throws {
        let clock = InstantClock()
        let api = SimulatedGitHub(count: 10, clock: clock) {
            $0.api.latencyMs = .fixed(10)
            $0.api.batch = BatchSpec(maxItems: 3, latencyPerItemMs: 2)
        }
        let response = try await api.send(.batchGet([2, 5, 9]))
        #expect(clock.now() == .milliseconds(16))
        #expect(response.status == 200)
        #expect(response.payload == .batch([2, 5, 9].map {
            IssueBundle(issue: api.corpus.issue($0), comments: api.corpus.comments($0))
        }))
        #expect(try await api.send(.batchGet([1, 2, 3, 4])).payload
                == .failure("Validation Failed: a batch holds 1...3 issues, got 4"))
        #expect(try await api.send(.batchGet([])).status == 422)
        #expect(try await api.send(.batchGet([1, 11])).payload == .failure("Not Found: issue 11 is not in 1...10"))
        #expect(api.counters().batchRequests == 4)
        #expect(api.ledger()[5] == APILedger.Entry(issueRead: true, commentsRead: true, firstRequestAt: .origin))
        #expect(api.ledger()[1] == APILedger.Entry())

        let none = try await SimulatedGitHub(count: 10).send(.batchGet([1]))
        #expect(none.status == 422)
        #expect(none.payload == .failure("Validation Failed: this API has no batch endpoint"))
    }

    @Test func withZeroLatencyEveryRequestIsAnsweredAtOnceAsSendAnswersIt() async throws {
        let sent = SimulatedGitHub(count: 10), atOnce = SimulatedGitHub(count: 10)
        let connection = Connection(id: 0, endpoint: 0)
        let requests: [APIRequest] = [.listIssues(page: 1), .getIssue(7), .listComments(7), .addLabel(7, label: "bug"),
                                      .addComment(7, body: Array("hi".utf8)), .getIssue(7), .getIssue(11)]
        for request in requests {
            let expected = try await sent.send(request, over: connection)
            #expect(atOnce.sendAtOnce(request, over: connection) == expected)
        }
        #expect(atOnce.counters() == sent.counters())
    }

    @Test func aRequestThatWouldWaitIsNeitherAnsweredAtOnceNorSent() {
        let connection = Connection(id: 0, endpoint: 0)
        let slow = SimulatedGitHub(count: 10) { $0.api.latencyMs = .fixed(5) }
        #expect(slow.sendAtOnce(.getIssue(7), over: connection) == nil)
        #expect(slow.counters().requests == 0)
        let batching = SimulatedGitHub(count: 10) { $0.api.batch = BatchSpec(maxItems: 50, latencyPerItemMs: 0.5) }
        #expect(batching.sendAtOnce(.batchGet([1, 2]), over: connection) == nil)
        #expect(batching.counters().requests == 0)
    }

    @Test func connectPaysTheSetUpTimeAndCountsConnections() async throws {
        let clock = InstantClock()
        let api = SimulatedGitHub(clock: clock) {
            $0.api.connectMs = .fixed(30)
            $0.api.endpoints = ["primary", "replica"]
        }
        let first = try await api.connect(to: 0)
        let second = try await api.connect(to: 1)
        #expect(clock.now() == .milliseconds(60))
        #expect(first.id != second.id && second.endpoint == 1)
        #expect(api.counters().connectionsOpened == 2)
    }

    @Test func ledgerDatesAnIssueFromItsFirstReadOrElseItsListing() async throws {
        let clock = InstantClock()
        let api = SimulatedGitHub(count: 250, clock: clock) { $0.api.latencyMs = .fixed(5) }
        let view = api.ledger()
        #expect(view.firstRequestAt(3) == nil)
        _ = try await api.send(.listIssues(page: 1))
        clock.advance(by: .milliseconds(15))
        _ = try await api.send(.getIssue(3))
        _ = try await api.send(.listComments(3))
        _ = try await api.send(.listIssues(page: 1))

        let ledger = api.ledger()
        #expect(ledger[3] == APILedger.Entry(issueRead: true, commentsRead: true, firstRequestAt: .milliseconds(20)))
        #expect(ledger[4] == APILedger.Entry(firstRequestAt: .milliseconds(5)))
        #expect(ledger[150] == APILedger.Entry())
        #expect(view.firstRequestAt(3) == .milliseconds(20), "a ledger is a live view")
        #expect(api.counters().retries == 1)
    }

    @Test func cancelledRequestLeavesNothingInFlight() async throws {
        let api = SimulatedGitHub(clock: WallClock()) {
            $0.api.latencyMs = .fixed(60_000)
            var secondary = SecondaryLimitSpec()
            secondary.maxConcurrent = 1
            $0.api.secondary = secondary
        }
        for attempt in 1...2 {
            await #expect(throws: CancellationError.self) {
                try await withThrowingTaskGroup(of: APIResponse.self) { group in
                    group.addTask { try await api.send(.getIssue(1)) }
                    while api.counters().requests < attempt { await Task.yield() }
                    group.cancelAll()
                    _ = try await group.next()
                }
            }
        }
        let counters = api.counters()
        #expect(counters.requests == 2 && counters.secondaryRateLimited == 0 && counters.successes == 0)
    }

    @Test func anIssueSeesTheSameLatencyAndErrorsWhateverTheOrder() async throws {
        func run(_ order: [Int]) async throws -> [Int: [String]] {
            let clock = InstantClock()
            let api = SimulatedGitHub(count: 200, clock: clock) {
                $0.api.latencyMs = .lognormal(median: 8, p99: 40)
                $0.api.errors = ErrorSpec(rate: 0.3)
            }
            var seen: [Int: [String]] = [:]
            for id in order {
                for _ in 0..<2 {  // a second attempt draws afresh, the same way in both orders
                    let before = clock.now()
                    let response = try await api.send(.getIssue(id))
                    seen[id, default: []].append("\(response.status) \(clock.now() - before)")
                }
            }
            return seen
        }
        let forward = try await run(Array(1...200))
        #expect(try await run((1...200).reversed()) == forward)
        #expect(Set(forward.values.map(\.first)).count > 150, "latencies should vary by issue")
        #expect(forward.values.contains { $0[0] != $0[1] }, "a retry should draw afresh")
    }
}
