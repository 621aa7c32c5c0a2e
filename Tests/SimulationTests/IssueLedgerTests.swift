import Contract
import Testing
@testable import Simulation

@Suite struct IssueLedgerTests {
    @Test func repeatedWritesOfEitherKindAreCountedExactlyInAnyOrder() {
        var ledger = IssueLedger(issueCount: 10, pageSize: 5)
        let onThree = [ledger.recordComment(3), ledger.recordComment(3)]
        let labelsOnThree = [ledger.recordLabel(3, .bug), ledger.recordLabel(3, .bug), ledger.recordLabel(3, .triage)]
        let lastOnThree = ledger.recordComment(3)
        #expect(onThree == [false, true] && lastOnThree)
        #expect(labelsOnThree == [.first, .redundant, .another])
        #expect(ledger.entry(3) == APILedger.Entry(labelsApplied: 2, label: .bug, commentsPosted: 3))
        #expect(ledger.commentsPosted(3) == 3)

        let labelsOnFour = [ledger.recordLabel(4, .security), ledger.recordLabel(4, .question)]
        let commentOnFour = ledger.recordComment(4)
        #expect(labelsOnFour == [.first, .another] && !commentOnFour)
        #expect(ledger.entry(4) == APILedger.Entry(labelsApplied: 2, label: .security, commentsPosted: 1))
        #expect(ledger.entry(5) == APILedger.Entry())
    }

    @Test func countsSaturateAt255() {
        var ledger = IssueLedger(issueCount: 1, pageSize: 1)
        for _ in 0..<300 { _ = ledger.recordComment(1) }
        #expect(ledger.commentsPosted(1) == 255)
    }

    @Test func everyLabelKeepsItsOwnThreeBits() {
        var ledger = IssueLedger(issueCount: 100, pageSize: 10)
        for id in 1...100 { _ = ledger.recordLabel(id, Label.allCases[id % Label.allCases.count]) }
        #expect((1...100).allSatisfy { ledger.entry($0).label == Label.allCases[$0 % Label.allCases.count] })
    }

    @Test func theFirstReadOfEitherKindDatesTheIssue() {
        var ledger = IssueLedger(issueCount: 10, pageSize: 5)
        ledger.recordCommentsRead(2, at: .init(nanoseconds: 30))
        ledger.recordIssueRead(2, at: .init(nanoseconds: 10))
        #expect(ledger.entry(2) == APILedger.Entry(issueRead: true, commentsRead: true,
                                                  firstRequestAt: .init(nanoseconds: 30)))
    }

    /// A hundred thousand issues read, labelled and delivered in order, a few hundred at a time:
    /// the ledger keeps their labels and no read's moment.
    @Test func issuesDeliveredLeaveNoReadMoment() {
        let count = 100_000
        var ledger = IssueLedger(issueCount: count, pageSize: 100)
        var wrong = 0
        for id in 1...count + 300 {
            if id <= count {
                if id % 100 == 1 { ledger.recordPageListed(id / 100 + 1, at: .init(nanoseconds: Int64(id))) }
                ledger.recordIssueRead(id, at: .init(nanoseconds: Int64(id)))
                ledger.recordCommentsRead(id, at: .init(nanoseconds: Int64(id)))
            }
            if id > 300 {
                if ledger.recordLabel(id - 300, .bug) != .first { wrong += 1 }
                if ledger.starts.claim(id - 300) != Moment(nanoseconds: Int64(id - 300)) { wrong += 1 }
            }
        }
        #expect(wrong == 0)
        #expect(ledger.starts.heldReads == 0)
        #expect(ledger.entry(count) == APILedger.Entry(issueRead: true, commentsRead: true, labelsApplied: 1, label: .bug,
                                                       firstRequestAt: .init(nanoseconds: Int64(count - 99))))
    }
}

@Suite struct WorkStartsTests {
    @Test func anIssueIsDatedByItsReadElseItsPageAndItsReadIsForgottenWhenClaimed() {
        let starts = WorkStarts(issueCount: 250, pageSize: 100)
        #expect(starts.firstRequestAt(5) == nil && starts.claim(5) == nil)
        starts.recordPageListed(1, at: .init(nanoseconds: 100))
        starts.recordPageListed(1, at: .init(nanoseconds: 900))
        starts.recordFirstRead(6, at: .init(nanoseconds: 200))
        #expect(starts.firstRequestAt(6) == Moment(nanoseconds: 200))
        #expect(starts.firstRequestAt(7) == Moment(nanoseconds: 100), "a page keeps its first listing")
        #expect(starts.heldReads == 1)
        #expect(starts.claim(6) == Moment(nanoseconds: 200))
        #expect(starts.firstRequestAt(6) == Moment(nanoseconds: 100), "its read is forgotten, its page is not")
        #expect(starts.heldReads == 0)
        #expect(starts.firstRequestAt(250) == nil, "page 3 was never listed")
    }
}

@Suite struct APILedgerStartsTests {
    @Test func aBatchOfDeliveriesIsDatedInOrderAndForgotten() async throws {
        let clock = InstantClock()
        let api = SimulatedGitHub(count: 10, clock: clock) { $0.issues.pageSize = 5 }
        _ = try await api.send(.listIssues(page: 1))
        clock.advance(by: .milliseconds(20))
        _ = try await api.send(.getIssue(2))
        var dated = [Moment?](repeating: .origin, count: 3)
        [2, 3, 7].withUnsafeBufferPointer { ids in
            dated.withUnsafeMutableBufferPointer { api.ledger().claimStarts(ids, into: $0) }
        }
        #expect(dated == [.milliseconds(20), .origin, nil])
        #expect(api.ledger().heldReads == 0)
        #expect(api.ledger().firstRequestAt(2) == .origin, "its read is forgotten, its page not yet")
    }
}
