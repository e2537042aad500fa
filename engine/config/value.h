// A YAML/JSON document tree that keeps what accelerate's loaders see (YAML 1.1 types) together with
// where each node came from, and the order of keys, so that editing a file never loses anything.
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

namespace trainyard {

struct SourcePos {
    int line = 0;   // 1-based; 0 when the node was not read from a file
    int column = 0; // 1-based
    bool isValid() const { return line > 0; }
};

class Value;

struct MapEntry;

class Value {
public:
    enum class Type { Null, Bool, Int, Float, String, List, Map };

    Value() = default;
    static Value null() { return {}; }
    static Value boolean(bool b);
    static Value integer(qint64 i);
    static Value real(double d);
    static Value string(const QString &s);
    static Value list();
    static Value map();

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isInt() const { return m_type == Type::Int; }
    bool isFloat() const { return m_type == Type::Float; }
    bool isString() const { return m_type == Type::String; }
    bool isList() const { return m_type == Type::List; }
    bool isMap() const { return m_type == Type::Map; }
    bool isScalar() const { return m_type != Type::List && m_type != Type::Map; }

    bool toBool() const { return m_bool; }
    qint64 toInt() const { return m_int; }
    double toFloat() const { return m_type == Type::Int ? double(m_int) : m_float; }
    const QString &toString() const { return m_string; }

    // Python's truthiness, which accelerate's launcher relies on ("false" as a string is true).
    bool truthy() const;
    // The text Python's str() gives for a scalar: True/False, None, 1, 1.5, text.
    QString pythonStr() const;
    // The text a user wrote for a scalar (for diagnostics); for nodes built in code, pythonStr().
    QString sourceText() const { return m_raw.isEmpty() && m_type != Type::String ? pythonStr() : m_raw; }
    bool wasQuoted() const { return m_quoted; }
    static QString typeName(Type t);
    QString typeName() const { return typeName(m_type); }

    // Lists
    const std::vector<Value> &items() const { return m_items; }
    std::vector<Value> &items() { return m_items; }
    void append(const Value &v) { m_items.push_back(v); }

    // Maps: ordered entries; a key appears once (the loader applies "the last duplicate wins").
    const std::vector<MapEntry> &entries() const;
    std::vector<MapEntry> &entries();
    const Value *find(const QString &key) const;
    Value *find(const QString &key);
    const MapEntry *entry(const QString &key) const;
    bool contains(const QString &key) const { return find(key) != nullptr; }
    // Replaces the value in place (keeping the key's position), or appends a new entry.
    void set(const QString &key, const Value &v, SourcePos keyPos = {});
    bool remove(const QString &key);
    // Shortcut: the value of key, or a null Value when absent.
    Value get(const QString &key) const;
    int size() const;

    SourcePos pos;

    friend bool operator==(const Value &a, const Value &b);
    friend bool operator!=(const Value &a, const Value &b) { return !(a == b); }

    // Loader internals.
    void setRaw(const QString &raw, bool quoted) {
        m_raw = raw;
        m_quoted = quoted;
    }

private:
    Type m_type = Type::Null;
    bool m_bool = false;
    bool m_quoted = false;
    qint64 m_int = 0;
    double m_float = 0;
    QString m_string;
    QString m_raw;
    std::vector<Value> m_items;
    std::shared_ptr<std::vector<MapEntry>> m_entries; // copy-on-write below keeps Value cheap to copy
    void detach();
};

struct MapEntry {
    QString key;
    SourcePos keyPos;
    Value value;
};

bool operator==(const MapEntry &a, const MapEntry &b);

} // namespace trainyard

Q_DECLARE_METATYPE(trainyard::Value)
