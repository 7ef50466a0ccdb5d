import Foundation

/// Why a model file could not be read.
public enum ModelFileError: Error, CustomStringConvertible, Sendable {
    case missing(String)
    case truncated(String)
    case corrupt(String)
    case wrongKind(expected: String, found: String)

    public var description: String {
        switch self {
        case .missing(let name): return "model file \(name) is missing from the package resources; run `faultline train`"
        case .truncated(let what): return "model file is truncated (reading \(what))"
        case .corrupt(let why): return "model file is corrupt: \(why)"
        case .wrongKind(let expected, let found): return "model file holds a \(found), expected a \(expected)"
        }
    }
}

/// Little-endian writer for the models' binary files.
public struct BinaryWriter: Sendable {
    public private(set) var data = Data()

    public init() {}

    public mutating func u8(_ v: UInt8) { data.append(v) }
    public mutating func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
    public mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
    public mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
    public mutating func f32(_ v: Float) { u32(v.bitPattern) }

    public mutating func string(_ s: String) {
        let bytes = Array(s.utf8)
        u32(UInt32(bytes.count))
        data.append(contentsOf: bytes)
    }

    public mutating func stringArray(_ a: [String]) {
        u32(UInt32(a.count))
        for s in a { string(s) }
    }

    /// A file header: magic, kind name, format version.
    public mutating func header(kind: String, version: UInt32 = 1) {
        data.append(contentsOf: Array("FLTM".utf8))
        string(kind)
        u32(version)
    }
}

/// Little-endian reader over a model file's bytes; every read checks the bounds.
public struct BinaryReader: Sendable {
    private let bytes: [UInt8]
    private var offset = 0

    public init(data: Data) { bytes = [UInt8](data) }

    public var remaining: Int { bytes.count - offset }

    private mutating func take(_ n: Int, _ what: String) throws -> Int {
        guard n >= 0, offset + n <= bytes.count else { throw ModelFileError.truncated(what) }
        defer { offset += n }
        return offset
    }

    public mutating func u8() throws -> UInt8 { bytes[try take(1, "a byte")] }

    public mutating func u16() throws -> UInt16 {
        let o = try take(2, "a 16-bit value")
        return UInt16(bytes[o]) | UInt16(bytes[o + 1]) << 8
    }

    public mutating func u32() throws -> UInt32 {
        let o = try take(4, "a 32-bit value")
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(bytes[o + i]) << (8 * UInt32(i)) }
        return v
    }

    public mutating func u64() throws -> UInt64 {
        let o = try take(8, "a 64-bit value")
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[o + i]) << (8 * UInt64(i)) }
        return v
    }

    public mutating func f32() throws -> Float { Float(bitPattern: try u32()) }

    public mutating func string() throws -> String {
        let n = Int(try u32())
        guard n <= remaining else { throw ModelFileError.truncated("a string of \(n) bytes") }
        let o = try take(n, "a string")
        return String(decoding: bytes[o..<(o + n)], as: UTF8.self)
    }

    public mutating func stringArray() throws -> [String] {
        let n = Int(try u32())
        guard n <= remaining / 4 else { throw ModelFileError.corrupt("string list of \(n) items") }
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }

    /// Checks the header written by `BinaryWriter.header` and returns the version.
    public mutating func header(kind: String) throws -> UInt32 {
        let o = try take(4, "the magic number")
        guard Array(bytes[o..<(o + 4)]) == Array("FLTM".utf8) else { throw ModelFileError.corrupt("not a Faultline model file") }
        let found = try string()
        guard found == kind else { throw ModelFileError.wrongKind(expected: kind, found: found) }
        return try u32()
    }
}
