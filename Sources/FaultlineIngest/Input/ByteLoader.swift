import CZlib
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the bytes of one input, within a size limit, inflating gzip on the way.
///
/// ```swift
/// let bytes = try ByteLoader(maxBytes: 20 << 20).load(path: "page.html.gz")
/// ```
public struct ByteLoader: Sendable {
    /// The most bytes a file may have, and the most a compressed file may inflate to.
    public var maxBytes: Int

    public init(maxBytes: Int = 20 * 1024 * 1024) {
        self.maxBytes = maxBytes
    }

    /// Reads a regular file; gzip content (by its magic bytes) is inflated.
    public func load(path: String, limit: Int? = nil) throws(IngestFailure) -> [UInt8] {
        let fileLimit = limit ?? maxBytes
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code: IngestFailure.Code = errno == ENOENT ? .notFound : .unreadable
            throw IngestFailure(origin: path, code: code, message: "cannot open: \(Self.errnoText())")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw IngestFailure(origin: path, code: .unreadable, message: "cannot stat: \(Self.errnoText())")
        }
        // A FIFO or a device would block or never end; only regular files are articles.
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw IngestFailure(origin: path, code: .notRegularFile, message: "not a regular file")
        }
        let size = Int(info.st_size)
        guard size <= fileLimit else {
            throw IngestFailure(
                origin: path, code: .tooLarge,
                message: "file is \(Self.mebibytes(size)), over the \(Self.mebibytes(fileLimit)) limit (--max-size)")
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let got = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, size - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw IngestFailure(origin: path, code: .unreadable, message: "cannot read: \(Self.errnoText())")
            }
            if got == 0 { break }
            filled += got
        }
        if filled < size { bytes.removeLast(size - filled) }
        return try prepare(bytes, origin: path, limit: fileLimit)
    }

    /// Checks and inflates bytes already in memory (standard input, a test's fixture).
    public func prepare(_ bytes: [UInt8], origin: String, limit: Int? = nil) throws(IngestFailure) -> [UInt8] {
        let limit = limit ?? maxBytes
        guard bytes.count <= limit else {
            throw IngestFailure(
                origin: origin, code: .tooLarge,
                message: "input is \(Self.mebibytes(bytes.count)), over the \(Self.mebibytes(limit)) limit (--max-size)")
        }
        var bytes = bytes
        if bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B {
            bytes = try Gzip.inflate(bytes, limit: limit, origin: origin)
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw IngestFailure(origin: origin, code: .empty, message: bytes.isEmpty ? "empty file" : "file holds only white space")
        }
        if let kind = BinarySniffer.binaryKind(bytes) {
            throw IngestFailure(origin: origin, code: .binary, message: "binary file (\(kind)), not an article")
        }
        return bytes
    }

    static func mebibytes(_ count: Int) -> String {
        let value = Double(count) / 1_048_576
        return value >= 10 ? "\(Int(value.rounded())) MiB" : String(format: "%.1f MiB", value)
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// Inflates gzip (and zlib) streams with zlib, refusing to grow past a limit.
enum Gzip {
    static func inflate(_ input: [UInt8], limit: Int, origin: String) throws(IngestFailure) -> [UInt8] {
        var stream = z_stream()
        // 15 + 32: a window of 2^15 and automatic gzip/zlib header detection.
        guard faultline_inflateInit2(&stream, 15 + 32) == Z_OK else {
            throw IngestFailure(origin: origin, code: .corruptGzip, message: "cannot start gzip decoder")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8]()
        output.reserveCapacity(min(limit, max(input.count * 4, 1 << 16)))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        var failure: IngestFailure?
        input.withUnsafeBufferPointer { inBuffer in
            stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
            stream.avail_in = uInt(inBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                if output.count + produced > limit {
                    failure = IngestFailure(
                        origin: origin, code: .tooLarge,
                        message: "gzip content inflates past the \(ByteLoader.mebibytes(limit)) limit (--max-size)")
                    return
                }
                output.append(contentsOf: chunk[0..<produced])
                // A concatenated gzip member follows: start it, as gunzip does.
                if status == Z_STREAM_END && stream.avail_in > 0 {
                    status = inflateReset(&stream)
                }
            } while status == Z_OK
        }
        if let failure { throw failure }
        switch status {
        case Z_STREAM_END:
            return output
        case Z_BUF_ERROR:
            throw IngestFailure(
                origin: origin, code: .truncatedGzip,
                message: "truncated gzip stream (ends after \(output.count) bytes of content)")
        default:
            let reason = stream.msg.map { String(cString: $0) } ?? "error \(status)"
            throw IngestFailure(origin: origin, code: .corruptGzip, message: "corrupt gzip stream: \(reason)")
        }
    }
}

/// Tells binary files from text by their first bytes.
enum BinarySniffer {
    private static let signatures: [(prefix: [UInt8], name: String)] = [
        (Array("%PDF".utf8), "PDF"),
        ([0x50, 0x4B, 0x03, 0x04], "ZIP or Office document"),
        ([0x89, 0x50, 0x4E, 0x47], "PNG image"),
        (Array("GIF8".utf8), "GIF image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"),
        (Array("SQLite format 3".utf8), "SQLite database"),
        ([0xD0, 0xCF, 0x11, 0xE0], "legacy Office document"),
    ]

    static func binaryKind(_ bytes: [UInt8]) -> String? {
        for (prefix, name) in signatures where bytes.starts(with: prefix) {
            return name
        }
        // UTF-16 text has NUL bytes but starts with a byte-order mark.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
        let head = bytes.prefix(8192)
        if head.contains(0) { return "contains NUL bytes" }
        var control = 0
        for byte in head where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B {
            control += 1
        }
        return control * 10 > head.count ? "mostly control characters" : nil
    }
}
