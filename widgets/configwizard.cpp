#include "configwizard.h"

#include "system/hardware.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace trainyard {

// The questionnaire's side: posts each question to the dialog and waits for its answer.
class ConfigWizard::Bridge : public Prompter {
public:
    explicit Bridge(ConfigWizard *w)
        : m_w(w) {}
    QString ask(const QString &prompt) override {
        return askQuestion(Question{Question::Kind::Text, prompt, {}, {}}, prompt);
    }
    QString askQuestion(const Question &q, const QString &) override {
        QMutexLocker lock(&m_w->m_mutex);
        m_w->m_answer.reset();
        QMetaObject::invokeMethod(m_w, [w = m_w, q] { w->showQuestion(q); });
        while (!m_w->m_answer && !m_w->m_cancelled)
            m_w->m_answered.wait(&m_w->m_mutex);
        return m_w->m_cancelled ? QString() : *m_w->m_answer;
    }
    void say(const QString &text) override {
        QMetaObject::invokeMethod(m_w, [w = m_w, text] { w->m_transcript->appendPlainText(text); });
    }

private:
    ConfigWizard *m_w;
};

ConfigWizard::ConfigWizard(QWidget *parent)
    : QDialog(parent)
    , m_question(new QLabel(this))
    , m_choices(new QComboBox(this))
    , m_field(new QLineEdit(this))
    , m_transcript(new QPlainTextEdit(this))
    , m_next(new QPushButton(tr("&Next"), this)) {
    setWindowTitle(tr("New accelerate config"));
    m_question->setWordWrap(true);
    QFont f = m_question->font();
    f.setBold(true);
    m_question->setFont(f);
    m_transcript->setReadOnly(true);
    m_transcript->setPlaceholderText(tr("Your answers appear here."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_next, QDialogButtonBox::AcceptRole);
    m_next->setDefault(true);
    connect(m_next, &QPushButton::clicked, this, &ConfigWizard::next);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConfigWizard::reject);
    connect(m_field, &QLineEdit::returnPressed, this, &ConfigWizard::next);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_transcript, 1);
    layout->addWidget(m_question);
    layout->addWidget(m_choices);
    layout->addWidget(m_field);
    layout->addWidget(buttons);
    m_choices->hide();
    m_field->hide();
    m_next->setEnabled(false);
    resize(640, 480);
}

ConfigWizard::~ConfigWizard() {
    {
        QMutexLocker lock(&m_mutex);
        m_cancelled = true;
        m_answered.wakeAll();
    }
    m_thread.quit();
    m_thread.wait();
}

void ConfigWizard::start(const HardwareInfo &hw) {
    QPointer<ConfigWizard> self(this);
    QObject *worker = new QObject;
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(worker, [self, this, hw] {
        Bridge bridge(this);
        const QuestionnaireResult r = runQuestionnaire(bridge, hw);
        QMetaObject::invokeMethod(this, [self, r] {
            if (self)
                self->finishWith(r);
        });
    });
}

void ConfigWizard::showQuestion(const Question &q) {
    m_current = q;
    m_question->setText(q.text);
    m_choices->clear();
    m_field->clear();
    if (q.kind == Question::Kind::Menu || q.kind == Question::Kind::YesNo) {
        const QStringList options =
            q.kind == Question::Kind::Menu ? q.options : QStringList{tr("yes"), tr("no")};
        m_choices->addItems(options);
        m_choices->setCurrentIndex(q.kind == Question::Kind::Menu ? q.defaultAnswer.toInt()
                                                                  : (q.defaultAnswer == u"yes"_s ? 0 : 1));
        m_choices->show();
        m_field->hide();
        m_choices->setFocus();
    } else {
        m_field->setPlaceholderText(q.defaultAnswer.isEmpty() ? QString()
                                                              : tr("default: %1").arg(q.defaultAnswer));
        m_field->show();
        m_choices->hide();
        m_field->setFocus();
    }
    m_next->setEnabled(true);
    Q_EMIT questionAsked(q.text);
}

QString ConfigWizard::currentQuestion() const {
    return m_current.text;
}

void ConfigWizard::next() {
    QString answer;
    if (m_current.kind == Question::Kind::Menu)
        answer = QString::number(m_choices->currentIndex());
    else if (m_current.kind == Question::Kind::YesNo)
        answer = m_choices->currentIndex() == 0 ? u"yes"_s : u"no"_s;
    else
        answer = m_field->text();
    submit(answer);
}

void ConfigWizard::submit(const QString &answer) {
    const QString shown = m_current.kind == Question::Kind::Menu
                              ? m_current.options.value(answer.toInt(), answer)
                              : (answer.isEmpty() ? m_current.defaultAnswer : answer);
    m_transcript->appendPlainText(m_current.text + u"\n    "_s + shown);
    m_next->setEnabled(false);
    QMutexLocker lock(&m_mutex);
    m_answer = answer;
    m_answered.wakeAll();
}

void ConfigWizard::finishWith(const QuestionnaireResult &r) {
    m_thread.quit();
    if (!r.ok()) {
        Q_EMIT stopped(r.error);
        return;
    }
    m_result = r.config;
    Q_EMIT completed(m_result);
    accept();
}

void ConfigWizard::reject() {
    {
        QMutexLocker lock(&m_mutex);
        m_cancelled = true;
        m_answered.wakeAll();
    }
    QDialog::reject();
}

} // namespace trainyard
