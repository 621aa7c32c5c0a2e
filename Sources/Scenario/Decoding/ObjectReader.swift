/// An object of the schema whose keys have been checked: looks members up by key, as fields that
/// carry their path. An absent key gives a field with no value, so "missing" is reported by the
/// same check as "wrong" (`found nothing`).
struct ObjectReader {
    let object: Field
    let members: [JSONMember]

    subscript(key: String) -> Field {
        Field(value: members.first { $0.key == key }?.value, path: object.path.appending(key), file: object.file)
    }
}
