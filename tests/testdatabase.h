// The run database a test uses, for suites that run against both backends (issue "A shared run database on
// PostgreSQL"): a SQLite file in the test's folder, or, when TRAINYARD_TEST_BACKEND=postgres (the suites'
// `_postgres` entries in tests/CMakeLists.txt), a fresh database on a private server (tests/postgres.h)
// started once per test process. The same test code runs on both.
#pragma once

#include "postgres.h"

#include <QDir>
#include <QString>
#include <QTest>
#include <memory>

namespace trainyard::test {

inline bool onServer() {
    return qEnvironmentVariable("TRAINYARD_TEST_BACKEND") == QLatin1String("postgres");
}

// The suite's server, started on first use; null (and why) when it cannot start.
inline PrivatePostgres *suiteServer(QString *why) {
    static std::unique_ptr<PrivatePostgres> server;
    static QString failed;
    if (!server && failed.isEmpty()) {
        auto s = std::make_unique<PrivatePostgres>();
        if (s->start(&failed))
            server = std::move(s);
    }
    if (!server && why)
        *why = failed;
    return server.get();
}

// A new, empty run database: `folder/name` or a new database on the suite's server. Empty (and why) when the
// server cannot start.
inline QString freshDatabase(const QString &folder, const QString &name, QString *why = nullptr) {
    if (!onServer())
        return QDir(folder).filePath(name);
    static int made = 0;
    PrivatePostgres *server = suiteServer(why);
    if (!server)
        return {};
    const QString db = QStringLiteral("t%1").arg(++made);
    pg::Connection c;
    QString e;
    if (!c.open(server->urlOf(QStringLiteral("postgres")), &e) ||
        !c.exec("CREATE DATABASE " + db.toLatin1(), &e)) {
        if (why)
            *why = e;
        return {};
    }
    return server->urlOf(db);
}

} // namespace trainyard::test

// In a test function: the database named; where no server can start, the test is skipped (failed when
// TRAINYARD_REQUIRE_POSTGRES is set, as in CI).
#define TRAINYARD_FRESH_DATABASE(var, folder, name)                                                          \
    QString why_##var;                                                                                       \
    const QString var = trainyard::test::freshDatabase((folder), (name), &why_##var);                        \
    if (var.isEmpty() && !qEnvironmentVariableIsSet("TRAINYARD_REQUIRE_POSTGRES"))                           \
        QSKIP(qPrintable(why_##var));                                                                        \
    QVERIFY2(!var.isEmpty(), qPrintable(why_##var))
