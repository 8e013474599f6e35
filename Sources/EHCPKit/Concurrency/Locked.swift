import Foundation

/// A value shared between threads, reached only while holding its lock: the one place where
/// ehcp's own shared mutable state is declared `Sendable` by argument rather than by the compiler.
///
/// The argument: `value` is private and only touched inside ``withLock(_:)``, which holds `lock`
/// for the whole of `body`. Do not let `body` return a reference into the value that outlives it.
package final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with the value, holding the lock.
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    /// A copy of the value, read under the lock.
    package var current: Value {
        withLock { $0 }
    }
}
