use bantin_core::ErrorCode;
use serde::Serialize;

/// The error every command returns: a stable `code` the UI branches on and
/// translates, and the library's message for the details.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
}

impl From<bantin_core::Error> for CommandError {
    fn from(e: bantin_core::Error) -> Self {
        CommandError {
            code: e.code(),
            message: e.to_string(),
        }
    }
}

impl CommandError {
    pub fn internal(message: impl std::fmt::Display) -> Self {
        CommandError {
            code: ErrorCode::Internal,
            message: message.to_string(),
        }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;

/// Runs blocking library work on Tauri's blocking pool, never on the thread
/// that serves IPC or paints the window.
pub async fn blocking<T, F>(f: F) -> CommandResult<T>
where
    T: Send + 'static,
    F: FnOnce() -> bantin_core::Result<T> + Send + 'static,
{
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(CommandError::internal)?
        .map_err(CommandError::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_code_and_message() {
        let e = CommandError::from(bantin_core::Error::ArticleNotFound(7));
        let json = serde_json::to_value(&e).expect("json");
        assert_eq!(
            json,
            serde_json::json!({ "code": "not_found", "message": "article 7 does not exist" })
        );
    }
}
