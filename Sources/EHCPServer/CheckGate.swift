import EHCPKit
import Foundation
import Hummingbird

/// Runs validations and conversions off the server's event loops, a bounded number at once and
/// each within a time limit.
final class CheckGate: Sendable {
    /// How many checks are running.
    private let running = Locked(0)
    private let limit: Int
    private let timeLimit: Duration

    init(limit: Int, timeLimit: Duration) {
        self.limit = limit
        self.timeLimit = timeLimit
    }

    private func enter() -> Bool {
        running.withLock { running in
            guard running < limit else { return false }
            running += 1
            return true
        }
    }

    private func leave() {
        running.withLock { $0 -= 1 }
    }

    /// The result of `work`, run on a worker thread; 503 with Retry-After when `limit` checks are
    /// running, or when `work` takes longer than the time limit (its slot is held until it ends, so
    /// the bound still holds).
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        guard enter() else {
            throw Problem(
                status: .serviceUnavailable, title: "Busy", detail: "The server is checking as many requests as it can; try again in a few seconds.",
                headers: [.retryAfter: "5"])
        }
        // Answered once: by the work or by the time limit, whichever claims it first.
        let answered = Locked(false)
        let seconds = Double(timeLimit.components.seconds) + Double(timeLimit.components.attoseconds) / 1e18
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let result = Result { try work() }
                self.leave()
                if Self.claim(answered) { continuation.resume(with: result) }
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
                guard Self.claim(answered) else { return }
                continuation.resume(
                    throwing: Problem(
                        status: .serviceUnavailable, title: "Took too long",
                        detail: "Checking this upload took longer than the server allows; nothing was kept.", headers: [.retryAfter: "5"]))
            }
        }
    }

    /// True for the first caller only: it sets `claimed`.
    private static func claim(_ claimed: Locked<Bool>) -> Bool {
        claimed.withLock { claimed in
            defer { claimed = true }
            return !claimed
        }
    }
}
