import Foundation

/// Reads a Natural Earth admin-0 shapefile (`.shp` with its `.dbf`) just far enough to give each
/// country one point: the centroid of its largest ring, which for most countries lies close to
/// the point GeoNames gives a country (the shared GeoNames extract has none).
///
/// Countries are keyed by `ADM0_A3` (Natural Earth's `ISO_A3` is -99 for France, Norway, Kosovo).
enum CountryOutlines {
    /// `ADM0_A3` → (latitude, longitude). Throws on a file that is not a shapefile pair; a
    /// malformed record is skipped and reported in `issues`.
    static func centroids(shp: URL, dbf: URL, issues: inout [KnowledgeFileError]) throws -> [String: (Double, Double)] {
        let codes = try dbfColumn("ADM0_A3", in: dbf)
        let data: [UInt8]
        do { data = Array(try Data(contentsOf: shp)) } catch {
            throw KnowledgeFileError(file: shp.lastPathComponent, line: 0, message: "cannot read: \(error.localizedDescription)")
        }
        guard data.count >= 100, readBigInt32(data, 0) == 9994 else {
            throw KnowledgeFileError(file: shp.lastPathComponent, line: 0, message: "not a shapefile (no 9994 file code)")
        }
        var result: [String: (Double, Double)] = [:]
        var offset = 100
        var record = 0
        while offset + 8 <= data.count {
            let length = Int(readBigInt32(data, offset + 4)) * 2
            let body = offset + 8
            defer {
                offset = body + max(length, 0)
                record += 1
            }
            guard length >= 44, body + length <= data.count, record < codes.count else {
                issues.append(KnowledgeFileError(file: shp.lastPathComponent, line: record + 1, message: "truncated record"))
                break
            }
            let parts = Int(readInt32(data, body + 36)), points = Int(readInt32(data, body + 40))
            guard parts > 0, points > 0, 44 + parts * 4 + points * 16 <= length else {
                issues.append(KnowledgeFileError(file: shp.lastPathComponent, line: record + 1, message: "record shorter than its point count"))
                continue
            }
            let pointBase = body + 44 + parts * 4
            var best: (area: Double, lat: Double, lon: Double)? = nil
            for part in 0..<parts {
                let first = Int(readInt32(data, body + 44 + part * 4))
                let end = part + 1 < parts ? Int(readInt32(data, body + 44 + (part + 1) * 4)) : points
                guard first >= 0, first < end, end <= points else { continue }
                var area = 0.0, cx = 0.0, cy = 0.0
                for k in first..<(end - 1) {
                    let x0 = readDouble(data, pointBase + k * 16), y0 = readDouble(data, pointBase + k * 16 + 8)
                    let x1 = readDouble(data, pointBase + (k + 1) * 16), y1 = readDouble(data, pointBase + (k + 1) * 16 + 8)
                    let cross = x0 * y1 - x1 * y0
                    area += cross
                    cx += (x0 + x1) * cross
                    cy += (y0 + y1) * cross
                }
                guard area != 0 else { continue }
                let centroid = (abs(area / 2), cy / (3 * area), cx / (3 * area))
                if best == nil || centroid.0 > best!.area { best = centroid }
            }
            if let best { result[codes[record]] = (best.lat, best.lon) }
        }
        return result
    }

    /// The values of one character column of a dBASE file, trimmed, in record order.
    static func dbfColumn(_ name: String, in url: URL) throws -> [String] {
        let data: [UInt8]
        do { data = Array(try Data(contentsOf: url)) } catch {
            throw KnowledgeFileError(file: url.lastPathComponent, line: 0, message: "cannot read: \(error.localizedDescription)")
        }
        guard data.count >= 32 else { throw KnowledgeFileError(file: url.lastPathComponent, line: 0, message: "not a dBASE file") }
        let records = Int(readInt32(data, 4))
        let headerLength = Int(data[8]) | Int(data[9]) << 8
        let recordLength = Int(data[10]) | Int(data[11]) << 8
        var position = 32, fieldOffset = 1
        var column: (offset: Int, length: Int)? = nil
        while position + 32 <= data.count, data[position] != 0x0D {
            let fieldName = String(decoding: data[position..<(position + 11)].prefix { $0 != 0 }, as: UTF8.self)
            let length = Int(data[position + 16])
            if fieldName == name { column = (fieldOffset, length) }
            fieldOffset += length
            position += 32
        }
        guard let column else { throw KnowledgeFileError(file: url.lastPathComponent, line: 0, message: "no column \(name)") }
        var values: [String] = []
        for record in 0..<max(records, 0) {
            let start = headerLength + record * recordLength + column.offset
            guard start + column.length <= data.count else { break }
            values.append(String(decoding: data[start..<(start + column.length)], as: UTF8.self).trimmingCharacters(in: .whitespaces))
        }
        return values
    }

    private static func readInt32(_ data: [UInt8], _ at: Int) -> Int32 {
        Int32(bitPattern: UInt32(data[at]) | UInt32(data[at + 1]) << 8 | UInt32(data[at + 2]) << 16 | UInt32(data[at + 3]) << 24)
    }

    private static func readBigInt32(_ data: [UInt8], _ at: Int) -> Int32 {
        Int32(bitPattern: UInt32(data[at + 3]) | UInt32(data[at + 2]) << 8 | UInt32(data[at + 1]) << 16 | UInt32(data[at]) << 24)
    }

    private static func readDouble(_ data: [UInt8], _ at: Int) -> Double {
        var bits: UInt64 = 0
        for k in 0..<8 { bits |= UInt64(data[at + k]) << (8 * UInt64(k)) }
        return Double(bitPattern: bits)
    }
}
