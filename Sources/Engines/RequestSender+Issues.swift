import Contract

/// The requests of the work itself, on top of `send`: listing pages, reading issues as the work
/// plan says, and analysing with the writes applied — shared by all three engines.
extension RequestSender {
    mutating func fetchPage(_ number: Int) async throws -> IssuePage {
        // `nil` means abandoned, which a condition that is never true cannot cause.
        try await fetchPage(number, abandoningWhen: { false })!
    }

    /// Lists page `number`, or returns `nil` once `moot` says it is no longer needed.
    mutating func fetchPage(_ number: Int, abandoningWhen moot: () -> Bool) async throws -> IssuePage? {
        let request = APIRequest.listIssues(page: number)
        guard let response = try await send(request, abandoningWhen: moot) else { return nil }
        guard case .issuePage(let page) = response.payload else {
            throw EngineFailure.unexpectedAnswer(to: request, expected: "an issue page", got: response.payload)
        }
        return page
    }

    /// What the work plan says to read for issue `id`: `GET /issues/N` (else `listed()`, the
    /// listing's copy) and `GET /issues/N/comments` (else none). Inlined: see `send(_:)`.
    ///
    /// The listing's copy through a closure, taken only when it is used: passed from the listing,
    /// every issue read anew retained and released its text for nothing, two retains and two
    /// releases (see `complete` for what this saved).
    @inline(always)
    mutating func read(_ id: IssueID, else listed: () -> Issue) async throws -> IssueBundle {
        var bundle: IssueBundle
        if job.work.readIssue {
            let request = APIRequest.getIssue(id)
            let response = try await send(request)
            guard case .issue(let issue) = response.payload, issue.id == id else {
                throw EngineFailure.unexpectedAnswer(to: request, expected: "issue \(id)", got: response.payload)
            }
            bundle = IssueBundle(issue: issue, comments: [])
        } else {
            bundle = IssueBundle(issue: listed(), comments: [])
        }
        if job.work.readComments {
            let request = APIRequest.listComments(id)
            let response = try await send(request)
            guard case .comments(let comments) = response.payload else {
                throw EngineFailure.unexpectedAnswer(to: request, expected: "comments", got: response.payload)
            }
            bundle.comments = comments
        }
        return bundle
    }

    /// Issues and comments of `listed` in one `.batchGet`, in the same order.
    mutating func readBatch(_ listed: ArraySlice<Issue>) async throws -> [IssueBundle] {
        let ids = listed.map(\.id)
        let request = APIRequest.batchGet(ids)
        let response = try await send(request)
        guard case .batch(let bundles) = response.payload, bundles.map(\.issue.id) == ids else {
            throw EngineFailure.unexpectedAnswer(to: request, expected: "a batch of issues \(ids)", got: response.payload)
        }
        return bundles
    }

    /// Analyses what was read and applies each write of the work plan once.
    ///
    /// The analysis is `Job.analyze` written out: that one is an async function in another
    /// module, which cannot be inlined, and calling it cost an executor hop and an async frame per
    /// issue — some 500 instructions, a twentieth of an issue's cost on `unlimited-fast`. Inlined
    /// for the same reason (see `send(_:)`).
    ///
    /// Two calls of the analysis, not one with `readComments ? bundle.comments : []`, and no list
    /// of writes when the work plan has none: either array, made and freed for nothing, cost a
    /// release of the empty array on every issue. With `read`'s closure, that took 173
    /// instructions off each issue (callgrind, `unlimited-fast`: 102.9 M -> 99.4 M for 20,200
    /// requests).
    @inline(always)
    mutating func complete(_ bundle: IssueBundle) async throws -> IssueResult {
        let result = job.work.readComments ? Analysis.analyze(bundle.issue, comments: bundle.comments)
            : Analysis.analyze(bundle.issue, comments: [])
        // Against 0 ns, not `Span.zero`: that global of another module is read through its
        // accessor and its `swift_once` check, 8 instructions an issue (callgrind, `unlimited-fast`).
        if job.work.analysisCPU.nanoseconds > 0 { try await job.clock.spendCPU(job.work.analysisCPU) }
        if job.work.writeLabel || job.work.writeComment {
            for write in job.writes(for: result) { _ = try await send(write, abandoningWhen: { false }, writingTo: bundle.issue) }
        }
        return result
    }

    /// Whether `write`, whose answer was an error that may hide its success, was applied all the
    /// same: for a comment, whether the issue now has more comments than `issue`, read before it.
    mutating func landed(_ write: APIRequest, on issue: Issue) async throws -> Bool {
        guard case .addComment = write else { return false }
        let request = APIRequest.getIssue(issue.id)
        let response = try await send(request)
        guard case .issue(let now) = response.payload, now.id == issue.id else {
            throw EngineFailure.unexpectedAnswer(to: request, expected: "issue \(issue.id)", got: response.payload)
        }
        return now.commentCount > issue.commentCount
    }
}
