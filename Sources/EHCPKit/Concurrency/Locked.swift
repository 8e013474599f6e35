import Foundation

/// A value shared between threads, reached only while holding its lock: the one type in ehcp that
/// holds a lock, and so the one place where shared mutable state is declared `Sendable` by
/// argument rather than by the compiler. The library, the command line and the server keep every
/// cache, counter and queue they share in one of these.
///
/// The argument: `value` is private and only touched inside ``withLock(_:)`` or
/// ``withLock(when:_:)``, which hold the lock for the whole of `body`. Do not let `body` return a
/// reference into the value that outlives it. `Mutex` (the Synchronization module) would hold the
/// value as safely, but on Apple platforms it needs macOS 15, above the package's macOS 13, and
/// it cannot wait for a condition, which the batch validator's bounded queue needs.
package final class Locked<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value

    package init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with the value, holding the lock; afterwards every thread waiting in
    /// ``withLock(when:_:)`` looks at the value again.
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        return try body(&value)
    }

    /// Waits until `ready` holds for the value (the lock is let go while waiting), then runs `body`
    /// with it, holding the lock from the check to the end of `body`.
    package func withLock<Result>(when ready: (Value) -> Bool, _ body: (inout Value) throws -> Result) rethrows -> Result {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        while !ready(value) { condition.wait() }
        return try body(&value)
    }

    /// A copy of the value, read under the lock.
    package var current: Value {
        withLock { $0 }
    }
}
