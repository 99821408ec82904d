-- Folded username and display name, so that "nguyen van an" finds "Nguyễn Văn An".
ALTER TABLE users ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
