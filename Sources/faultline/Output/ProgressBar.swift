import Foundation

/// A one-line progress bar on standard error, redrawn at most ten times a second.
final class ProgressBar {
    private let started = Date()
    private var lastDraw = Date.distantPast

    func update(done: Int, total: Int, detail: String) {
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let rate = Double(done) / max(now.timeIntervalSince(started), 0.001)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = "\r\(bar) \(done)/\(total) files  \(Int(rate))/s  \(detail)\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
