// A file replaced whole or not at all, for every file Trainyard writes in place of an older one (configs, run
// records, batch scripts, exports). The bytes go to a temporary file beside the target (same folder: the
// rename is atomic), every write is checked (no buffering that could hide a failure until it is too late),
// the file is flushed to the disk (fsync) and closed with its result checked, then renamed over the target
// and the folder synced. Any failure leaves the target as it was, removes the temporary file, and says why
// with the target's name and the system's reason ("No space left on device"). QSaveFile is not used: in
// Qt 6.4 its buffered writes can fail inside close() without commit() seeing it, which renamed an empty file
// over a config on a full disk.
#pragma once

#include <QIODevice>
#include <QString>
#include <optional>

namespace trainyard {

class AtomicFile : public QIODevice {
public:
    // mode: the new file's permissions (e.g. 0600 for the run's own files); by default an existing target's,
    // else 0666 less the umask, as a plain create would give.
    explicit AtomicFile(QString path, std::optional<unsigned> mode = std::nullopt, QObject *parent = nullptr);
    ~AtomicFile() override; // discards what was not committed

    bool open(OpenMode mode) override; // WriteOnly (Text allowed); creates the temporary file
    // Flushes, syncs, closes and renames over the target; false (with errorString()) on any failure, and the
    // target is untouched then. Writes after a failed write are refused and make commit() fail.
    bool commit();
    void discard();
    void close() override { discard(); } // without commit(): nothing replaces the target
    const QString &path() const { return m_path; }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    bool fail(const QString &why);
    QString m_path, m_temp;
    std::optional<unsigned> m_mode;
    int m_fd = -1;
    bool m_failed = false;
};

// Creates path and the folders above it that are missing; those it creates are its owner's only (0700), as
// ssh's and MLflow's local folders are. Folders that exist keep their mode. False when path is not a folder
// afterwards.
bool makePrivateFolder(const QString &path);
// Creates an empty file readable and writable by its owner only (0600) when path does not exist yet (the run
// database before SQLite opens it: its -wal and -shm files take the same mode). An existing file is left as
// it is. False when it could not be created.
bool createPrivateFile(const QString &path);

// Writes data to path with AtomicFile; false with "cannot write PATH: REASON" in error.
bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error,
                         std::optional<unsigned> mode = std::nullopt);

} // namespace trainyard
